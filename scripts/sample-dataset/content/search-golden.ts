import type { GoldenTerm } from '../lib/golden.ts'

export const searchGolden: GoldenTerm[] = [{ term: '张伟', kind: 'name', mustFind: ['profile-zhang-wei'] }]
