/**
 * `promise`'s value when it settles within `ms`, else undefined (the promise goes on; what it gives later is
 * dropped). A rejection within `ms` rejects. The timer never outlives the wait.
 */
export async function valueWithin<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}
