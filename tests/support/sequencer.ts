import { BaseSequencer, type TestSpecification } from 'vitest/node'

/**
 * The order projects hand their files to the workers: the Studio's one long file first, so that it runs beside the
 * site's files instead of after them, and the short unit files last, where they fill the gaps at the end. Within a
 * project, Vitest's own order (slowest first when it has timings from an earlier run, else largest first).
 */
const PROJECT_ORDER = ['studio', 'site', 'unit']

export class ProjectOrderSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const index = PROJECT_ORDER.indexOf(file.project.name)
      return index === -1 ? PROJECT_ORDER.length : index
    }
    // Array.prototype.sort is stable: Vitest's order holds within each project.
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b))
  }
}
