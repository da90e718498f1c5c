/**
 * Decodes a Stripe-style form body (`a[b][0][c]=v&metadata[order_id]=x`) into nested objects and arrays,
 * the inverse of the SDK's `stringifyRequestData`. Values stay strings, as Stripe receives them.
 * An object whose keys are exactly 0..n-1 becomes an array, except under `metadata` (free-form keys).
 */
export type FormValue = string | FormValue[] | { [key: string]: FormValue }
export type FormObject = { [key: string]: FormValue }

const UNSAFE_KEYS = new Set(['__proto__', 'prototype', 'constructor'])

export function decodeStripeForm(body: string): FormObject {
  const root: FormObject = {}
  for (const [rawKey, value] of new URLSearchParams(body)) {
    const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(rawKey)
    const segments = match ? [match[1], ...[...match[2].matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1])] : [rawKey]
    if (segments.some((segment) => UNSAFE_KEYS.has(segment))) continue
    let node: FormObject = root
    segments.forEach((segment, index) => {
      // `a[]=x` (empty brackets) appends like qs does.
      const key = segment === '' ? String(Object.keys(node).length) : segment
      if (index === segments.length - 1) {
        node[key] = value
        return
      }
      const next = node[key]
      if (typeof next !== 'object' || next === null || Array.isArray(next)) node[key] = {}
      node = node[key] as FormObject
    })
  }
  return toArrays(root) as FormObject
}

function toArrays(value: FormValue, parentKey = ''): FormValue {
  if (typeof value === 'string' || Array.isArray(value)) return value
  const keys = Object.keys(value)
  const converted: FormObject = {}
  for (const key of keys) converted[key] = parentKey === 'metadata' ? value[key] : toArrays(value[key], key)
  const isList = parentKey !== 'metadata' && keys.length > 0 && keys.every((key, i) => key === String(i))
  return isList ? keys.map((key) => converted[key]) : converted
}
