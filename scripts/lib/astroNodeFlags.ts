/** The old generation's bound when BUILD_HEAP_MB is not set, in MB. */
export const DEFAULT_HEAP_MB = 1024

/** The Node flags `npm run build` (scripts/build.ts) runs Astro with; the bench's Astro-alone build uses them too. */
export function astroNodeFlags(heapMegabytes = DEFAULT_HEAP_MB): string[] {
  return [
    // A bounded old generation makes V8 collect before the heap balloons: at 20,000 documents the build's peak
    // drops by about a fifth for no extra time. BUILD_HEAP_MB raises it for archives that need more.
    `--max-old-space-size=${heapMegabytes}`,
    // Rendering makes mostly short-lived strings: a larger young generation (V8's default semi-space is 16 MB)
    // collects them with fewer scavenges. At 20,000 documents it saved about 5 % of the build's CPU time.
    '--max-semi-space-size=32',
  ]
}
