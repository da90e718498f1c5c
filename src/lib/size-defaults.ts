/** Sensible starting values by company size (staff), so a visitor sees a realistic quote at once. Amounts in fen. */
export const companySizes = ['lt50', '50to200', 'gt200'] as const
export type CompanySize = (typeof companySizes)[number]

export interface SizeDefaults {
  employees: number
  monthlySpend: number
  usage: { local_voice: number; long_distance: number; mobile: number }
  fixedLines: number
  mobileLines: number
  broadband: 'bb-100' | 'bb-300' | 'bb-1000'
}

export const sizeDefaults: Record<CompanySize, SizeDefaults> = {
  lt50: { employees: 30, monthlySpend: 300_000, usage: { local_voice: 40_000, long_distance: 30_000, mobile: 60_000 }, fixedLines: 2, mobileLines: 3, broadband: 'bb-100' },
  '50to200': { employees: 120, monthlySpend: 1_200_000, usage: { local_voice: 150_000, long_distance: 120_000, mobile: 300_000 }, fixedLines: 6, mobileLines: 10, broadband: 'bb-300' },
  gt200: { employees: 300, monthlySpend: 4_000_000, usage: { local_voice: 400_000, long_distance: 350_000, mobile: 900_000 }, fixedLines: 15, mobileLines: 30, broadband: 'bb-1000' },
}
