/**
 * Storage failures whose message already tells the person what happened and what to do; the
 * worker passes the message on as it is (STORAGE_FAILED), unlike an unexpected browser error.
 */
export class ExplainedStorageError extends Error {}

/** The stored data is protected by a passphrase that has not been given this session. */
export class StorageLockedError extends Error {
  constructor() {
    super('Your saved data is locked with a passphrase. Enter it to open your data.');
    this.name = 'StorageLockedError';
  }
}

/** The passphrase given does not open the stored data. */
export class WrongPassphraseError extends Error {
  constructor() {
    super('That passphrase does not open your saved data. Check it and try again.');
    this.name = 'WrongPassphraseError';
  }
}

/** `erase` could not delete the databases because another tab of the app keeps them open. */
export class EraseBlockedError extends ExplainedStorageError {
  constructor() {
    super('Your data could not be erased yet because the app is open in another tab. Close its other tabs: erasing finishes as soon as they are closed.');
    this.name = 'EraseBlockedError';
  }
}

/** Another tab replaced the key, or changed records this one had read, since this one read them: start over. */
export class ChangedMeanwhileError extends ExplainedStorageError {
  constructor() {
    super('Your data was changed in another tab of this app at the same time. Try again.');
    this.name = 'ChangedMeanwhileError';
  }
}
