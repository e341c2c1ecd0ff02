// The portal's categories. Presses file articles into them (ninjs `subjects`); an article may sit in several.
export const DEFAULT_CATEGORIES = [
  { slug: 'politics', name_ko: '정치', name_en: 'Politics' },
  { slug: 'economy', name_ko: '경제', name_en: 'Economy' },
  { slug: 'society', name_ko: '사회', name_en: 'Society' },
  { slug: 'life-culture', name_ko: '생활/문화', name_en: 'Life & Culture' },
  { slug: 'world', name_ko: '세계', name_en: 'World' },
  { slug: 'it-science', name_ko: 'IT/과학', name_en: 'IT & Science' },
  { slug: 'sports', name_ko: '스포츠', name_en: 'Sports' },
  { slug: 'entertainment', name_ko: '연예', name_en: 'Entertainment' },
] as const;
