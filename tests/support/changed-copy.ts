/** A deep copy of `base` with `change` applied: for tests that need one thing wrong or different. */
export function changedCopy<T>(base: T, change: (copy: any) => void): any {
  const copy = structuredClone(base)
  change(copy)
  return copy
}
