import type { PersonInput } from '../lib/types.ts'

/** Bylines: the staff and student reporters of the 校友总会办公室 who write for the site and 《明湖校友》. */
export const persons: PersonInput[] = [
  { id: 'person-lin-xiaoyu', name: '林晓雨', role: '校友总会办公室 《明湖校友》主编' },
  { id: 'person-chen-mo', name: '陈默', role: '校友总会办公室 记者' },
  { id: 'person-zhou-yiran', name: '周怡然', role: '校友总会办公室 编辑' },
  { id: 'person-he-jiayi', name: '何嘉怡', role: '校友总会办公室 学生记者团记者（2024级新闻学）' },
  { id: 'person-song-wenbo', name: '宋文博', role: '校友总会办公室 摄影记者' },
]
