/** A submission that cannot be read; `message` is the Chinese reason shown to the user. */
export class DecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DecodeError';
  }
}
