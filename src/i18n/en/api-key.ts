/** Words of the Add API Key and Edit dialogs, and of the field validation they share. */
export const apiKey = {
  title: 'Add API Key',
  /** The provider's name, under the title. */
  description: (p: { provider: string }) => `Connect ${p.provider} with an API key.`,
  nameLabel: 'Authorization Name',
  namePlaceholder: 'e.g. Production',
  nameHelp: 'Leave empty to have a name chosen for you.',
  save: 'Save',
  saving: 'Saving…',
  encryptedNote: 'Your key is stored encrypted and is never shown again.',
  loadingProvider: 'Loading the provider’s fields…',
  providerMissing: 'This data source is no longer available.',
  noApiKeyMethod: (p: { provider: string }) => `${p.provider} cannot be connected with an API key.`,
  /** Beside the disabled Save button while a 429's Retry-After runs down. */
  retryCountdown: (p: { seconds: number }) => `You can try again in ${p.seconds} s.`,
  /** A 422 whose field errors name no field of this form. */
  checkFields: 'Some values were not accepted. Check them and try again.',
  created: (p: { name: string }) => `“${p.name}” was added.`,
  /** **Test**: the provider's verdict on what is typed, before anything is saved. */
  test: {
    button: 'Test',
    testing: 'Testing…',
    /** The field error on a key the provider refused (the sentence below says what to do). */
    refusedField: 'The provider refused this key.',
    outcome: {
      accepted: (p: { provider: string }) => `${p.provider} accepted this key.`,
      refused: (p: { provider: string }) =>
        `${p.provider} refused this key. Check that you copied all of it and that it has not been revoked.`,
      unreachable: (p: { provider: string }) =>
        `${p.provider} could not be reached to check the key. Try again in a moment.`,
      rate_limited: (p: { provider: string; seconds: number | null }) =>
        !p.seconds
          ? `${p.provider} is limiting requests right now. Try again in a moment.`
          : `${p.provider} is limiting requests right now. Try again in ${p.seconds} ${p.seconds === 1 ? 'second' : 'seconds'}.`,
      not_verifiable: (p: { provider: string }) =>
        `${p.provider} keys cannot be checked before they are used.`,
    },
  },
  edit: {
    title: 'Edit credential',
    description: (p: { name: string }) => `Change the name or values of “${p.name}”.`,
    keepSecretHelp: 'Leave blank to keep the current value.',
    keepSecretPlaceholder: 'Unchanged',
    saved: (p: { name: string }) => `“${p.name}” was saved.`,
    noChanges: 'Nothing has changed.',
  },
  validation: {
    required: (p: { label: string }) => `${p.label} is required.`,
    nameRequired: 'Enter a name.',
    nameTooLong: (p: { max: number }) => `Use at most ${p.max} characters.`,
    nameControlCharacters: 'Names cannot contain line breaks or other control characters.',
    /** Zero-width spaces, bidi overrides and other invisible characters (look-alike names). */
    nameInvisibleCharacters:
      'Names cannot contain invisible or direction-changing characters, such as zero-width spaces.',
    nameDuplicate: 'This name is already used by another credential.',
    secretWhitespace: 'Remove the spaces or line breaks inside the value.',
    /** NUL and other control characters, zero-width characters. */
    notPrintable: 'Remove the invisible or control characters from the value.',
    /** The mask itself typed (or pasted) as a key. */
    secretIsMask: 'Enter the key itself, not the ******** placeholder.',
    tooLong: (p: { maxBytes: number }) => `This value is too long (at most ${p.maxBytes} bytes).`,
    selectOption: 'Choose one of the options.',
  },
};
