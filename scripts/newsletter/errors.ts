/** An error the editor can act on: its message is printed as it is, without a stack trace, and the command exits 1. */
export class DeliveryError extends Error {}

/** Runs a command's main function: DeliveryError → its message; anything else → the error itself. */
export async function runCommand(main: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await main()
  } catch (error) {
    if (error instanceof DeliveryError) console.error(`\n错误：${error.message}`)
    else console.error(error)
    process.exitCode = 1
  }
}
