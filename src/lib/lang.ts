export type Lang = 'zh' | 'en'

export const langs: Lang[] = ['zh', 'en']

/** `/bundles/evergreen` in the given language: Chinese at the root, English under /en. */
export function localePath(lang: Lang, path: string): string {
  return lang === 'en' ? `/en${path === '/' ? '/' : path}` : path
}

export function htmlLang(lang: Lang): string {
  return lang === 'zh' ? 'zh-CN' : 'en'
}

/** The language of a page from its optional `[...lang]` route segment: none is Chinese, `en` English. */
export function pageLang(segment: string | undefined): Lang | undefined {
  return segment === undefined ? 'zh' : segment === 'en' ? 'en' : undefined
}
