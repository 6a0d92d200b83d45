/**
 * Every option list of the schema, each value with the one label editors pick in the Studio and readers see on
 * the site, in feeds and in the newsletter. A new value is labelled where it is added, so it is labelled everywhere.
 */

interface Option {
  readonly value: string
  readonly title: string
}

export const articleCategories = [
  { value: 'news', title: '学校要闻' },
  { value: 'campus', title: '校园动态' },
  { value: 'visit', title: '校友走访' },
  { value: 'lecture', title: '校友讲堂' },
  { value: 'career', title: '职业发展' },
  { value: 'memorial', title: '怀念' },
  { value: 'other', title: '其他' },
] as const satisfies readonly Option[]

export const degrees = [
  { value: 'associate', title: '专科' },
  { value: 'bachelor', title: '本科' },
  { value: 'master', title: '硕士' },
  { value: 'doctor', title: '博士' },
] as const satisfies readonly Option[]

export const chapterKinds = [
  { value: 'regional', title: '地方校友会' },
  { value: 'industry', title: '行业校友会' },
  { value: 'college', title: '学院校友会' },
] as const satisfies readonly Option[]

export const donationProjectStatuses = [
  { value: 'open', title: '募集中' },
  { value: 'completed', title: '已完成' },
  { value: 'closed', title: '已结束' },
] as const satisfies readonly Option[]

export const donationKinds = [
  { value: 'money', title: '资金捐赠' },
  { value: 'goods', title: '实物捐赠' },
  { value: 'service', title: '服务捐赠' },
] as const satisfies readonly Option[]

export const contactChannelKinds = [
  { value: 'wechat', title: '微信公众号' },
  { value: 'weibo', title: '微博' },
  { value: 'website', title: '网站' },
  { value: 'qq', title: 'QQ 群' },
  { value: 'wecom', title: '企业微信' },
  { value: 'email', title: '邮箱' },
  { value: 'phone', title: '电话' },
  { value: 'other', title: '其他' },
] as const satisfies readonly Option[]

export type OptionValue<List extends readonly Option[]> = List[number]['value']

/** The Studio's `options.list` (Sanity wants a mutable array). */
export function studioList(list: readonly Option[]): Option[] {
  return [...list]
}

/**
 * Value → label. Passing a value the list does not have is a type error; at run time a value the schema does not
 * list (damaged content, which the build's contract lets through as plain text) is shown as it is.
 */
export function labelsOf<const List extends readonly Option[]>(
  list: List,
): (value: OptionValue<List>) => string {
  const labels = new Map<unknown, string>(list.map((option) => [option.value, option.title]))
  return (value) => labels.get(value) ?? String(value)
}

/** The label of a value, for the Studio's previews (which receive whatever is stored). */
export function labelOf(list: readonly Option[], value: unknown): string | undefined {
  return list.find((option) => option.value === value)?.title
}
