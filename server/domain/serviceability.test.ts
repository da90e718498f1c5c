import { describe, expect, it } from 'vitest'
import type { Component } from '../pricing/catalog-schema'
import { checkServiceability, speedRefusal, type BuildingCapacity } from './serviceability'

const component = (code: string, category: Component['category'], needs: Component['needs'], speedMbps?: number): Component => ({
  code,
  name: { zh: code, en: code },
  category,
  monthly: 1000,
  install: 0,
  termPrices: [],
  needs,
  ...(speedMbps ? { speedMbps } : {}),
})

const bb100 = component('bb-100', 'broadband', { fibrePorts: 1, minSpeedMbps: 100 }, 100)
const bb300 = component('bb-300', 'broadband', { fibrePorts: 1, minSpeedMbps: 300 }, 300)
const bb1000 = component('bb-1000', 'broadband', { fibrePorts: 1, minSpeedMbps: 1000 }, 1000)
const staticIp = component('static-ip', 'broadband', { requiresCategory: 'broadband' })
const fixedLine = component('fixed-line', 'fixed_voice', { voicePorts: 1 })
const mobile = component('mobile-line', 'mobile', {})
const broadband = [bb100, bb300, bb1000]

const building = (capacity: Partial<BuildingCapacity>): BuildingCapacity => ({
  freeFibrePorts: 10,
  freeVoicePorts: 10,
  maxBroadbandMbps: 1000,
  ...capacity,
})

describe('checkServiceability', () => {
  it('qualifies what the building has room and speed for', () => {
    const result = checkServiceability(building({}), [{ component: bb1000, count: 1 }, { component: fixedLine, count: 10 }], broadband)
    expect(result).toEqual({
      result: 'qualified',
      items: [
        { code: 'bb-1000', count: 1, available: true },
        { code: 'fixed-line', count: 10, available: true },
      ],
      alternatives: [],
    })
  })

  it('offers the fastest speed the building serves instead of a faster one', () => {
    const result = checkServiceability(building({ maxBroadbandMbps: 300 }), [{ component: bb1000, count: 1 }, { component: staticIp, count: 1 }], broadband)
    expect(result.result).toBe('alternate')
    expect(result.items).toEqual([
      { code: 'bb-1000', count: 1, available: false, reason: 'speed_unavailable' },
      { code: 'static-ip', count: 1, available: false, reason: 'requires_broadband' },
    ])
    expect(result.alternatives).toEqual([{ replaces: 'bb-1000', code: 'bb-300', name: bb300.name, speedMbps: 300, monthly: 1000 }])
  })

  it('is unqualified when the last fibre port is gone, whatever the speed', () => {
    const result = checkServiceability(building({ freeFibrePorts: 0, maxBroadbandMbps: 100 }), [{ component: bb300, count: 1 }], broadband)
    expect(result.result).toBe('unqualified')
    expect(result.alternatives).toEqual([])
  })

  it('counts ports across items: one free port serves one broadband, not two', () => {
    expect(checkServiceability(building({ freeFibrePorts: 1 }), [{ component: bb100, count: 1 }], broadband).result).toBe('qualified')
    expect(checkServiceability(building({ freeFibrePorts: 1 }), [{ component: bb100, count: 2 }], broadband).items[0]).toMatchObject({
      available: false,
      reason: 'no_fibre_ports',
    })
  })

  it('is unqualified when voice ports run short, exactly at the boundary', () => {
    expect(checkServiceability(building({ freeVoicePorts: 3 }), [{ component: fixedLine, count: 3 }], broadband).result).toBe('qualified')
    const short = checkServiceability(building({ freeVoicePorts: 3 }), [{ component: fixedLine, count: 4 }], broadband)
    expect(short.result).toBe('unqualified')
    expect(short.items[0].reason).toBe('no_voice_ports')
  })

  it('needs nothing from the building for mobile lines', () => {
    expect(checkServiceability(building({ freeFibrePorts: 0, freeVoicePorts: 0, maxBroadbandMbps: 100 }), [{ component: mobile, count: 5 }], broadband).result).toBe(
      'qualified',
    )
  })
})

describe('speedRefusal', () => {
  const refusal = (capacity: Partial<BuildingCapacity>, requested: Parameters<typeof checkServiceability>[1], choices = broadband) =>
    speedRefusal(building(capacity), checkServiceability(building(capacity), requested, choices), choices)

  it('refuses nothing the building can serve', () => {
    expect(refusal({}, [{ component: bb1000, count: 1 }, { component: fixedLine, count: 2 }])).toBeUndefined()
  })

  it('refuses a speed above the building’s maximum, naming the fastest it carries', () => {
    expect(refusal({ maxBroadbandMbps: 300 }, [{ component: bb1000, count: 1 }, { component: staticIp, count: 1 }])).toEqual({
      items: [{ code: 'bb-1000', count: 1, available: false, reason: 'speed_unavailable' }],
      alternatives: [{ replaces: 'bb-1000', code: 'bb-300', name: bb300.name, speedMbps: 300, monthly: 1000 }],
    })
  })

  it('does not refuse missing ports: a survey may still find some', () => {
    expect(refusal({ freeFibrePorts: 0, freeVoicePorts: 0 }, [{ component: bb300, count: 1 }, { component: fixedLine, count: 3 }])).toBeUndefined()
  })

  it('still offers the slower speed when the ports are gone as well', () => {
    const refused = refusal({ freeFibrePorts: 0, maxBroadbandMbps: 100 }, [{ component: bb1000, count: 1 }])
    expect(refused?.alternatives).toEqual([{ replaces: 'bb-1000', code: 'bb-100', name: bb100.name, speedMbps: 100, monthly: 1000 }])
  })

  it('refuses without an alternative when no choice is slow enough', () => {
    expect(refusal({ maxBroadbandMbps: 100 }, [{ component: bb300, count: 1 }], [bb300, bb1000])).toEqual({
      items: [{ code: 'bb-300', count: 1, available: false, reason: 'speed_unavailable' }],
      alternatives: [],
    })
  })
})
