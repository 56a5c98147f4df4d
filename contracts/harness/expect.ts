import assert from 'node:assert/strict'

/**
 * Await a call that must fail with `Cls` (and, when given, the vendor code `code`);
 * resolves with the error so a case can look further into it.
 * @example
 * const err = await expectError(client.orders.get('nope'), NotFoundError)
 */
export async function expectError<T extends Error>(
  p: Promise<unknown>,
  Cls: abstract new (...a: never[]) => T,
  code?: string,
): Promise<T> {
  try {
    await p
  } catch (err) {
    assert.ok(
      err instanceof Cls,
      `expected ${Cls.name}, got ${(err as Error).name}: ${(err as Error).message}`,
    )
    if (code) assert.equal((err as { code?: string }).code, code)
    return err as T
  }
  assert.fail(`expected ${Cls.name}${code ? ` ${code}` : ''}, but the call succeeded`)
}
