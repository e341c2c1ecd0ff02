// Every ranking's parameters, in one place: the queries read them and /about/ranking prints them,
// so the published description is the code's own configuration. Changing a value here is a
// change of policy: add an entry to changelog.ts in the same commit.

export const MOST_VIEWED = {
  /** Views counted in this many latest hourly buckets (the current hour included). */
  windowHours: 24,
  /** Only articles first published this recently. */
  maxArticleAgeHours: 7 * 24,
  limit: 20,
} as const;

export const MOST_COMMENTED = {
  /** Published comments and replies posted in this many latest hours. */
  windowHours: 3,
  limit: 20,
} as const;

export const FASTEST_RISING = {
  /** Views in this many latest hours… */
  recentHours: 2,
  /** …against the rate of the hours before them. */
  baselineHours: 22,
  /** An article needs at least this many recent views to rise at all (a 1 → 3 jump is noise). */
  minRecentViews: 3,
  /** Score = (recent + 1) / (expected + 1), expected = baseline views × recentHours / baselineHours. */
  limit: 20,
  maxArticleAgeHours: 7 * 24,
} as const;

/** "많이 본 뉴스" of the article's own press, beside every article. */
export const PRESS_ASIDE = {
  windowHours: 24,
  limit: 5,
} as const;

/** The "for you" home order (for-you.ts): a weighted sum of these terms, each explained. */
export const FOR_YOU = {
  /** Candidates: articles first published this recently. */
  maxArticleAgeHours: 48,
  /** Articles shown on one page. */
  pageSize: 20,
  weights: {
    /** The article's press is one the reader subscribes to. */
    subscribedPress: 3,
    /** The article's reporter is one the reader subscribes to. */
    subscribedReporter: 3,
    /** The article is in a category the reader subscribes to. */
    subscribedCategory: 2,
    /** The article is in an issue the reader follows. */
    followedIssue: 3,
    /** The article is in an issue the reader read an article of (last 14 days of history). */
    readIssue: 2,
    /** Popularity: views in its category today, relative to that category's most viewed (0–1). */
    popularInCategory: 2,
    /** Freshness: 1 for a new article, halving every `halfLifeHours`. */
    freshness: 1,
  },
  halfLifeHours: 12,
  /** Reading history considered for "issues read". */
  historyDays: 14,
  /** Already-read articles are left out. */
  hideRead: true,
} as const;
