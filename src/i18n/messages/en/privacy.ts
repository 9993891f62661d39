/**
 * Texts of the privacy center, the unlock page and the network ledger. In the ledger's texts
 * (rendered with <Trans>), <code> marks a technical name or address and <en> technical English
 * (an error's message): both are shown marked as English.
 */
export const privacy = {
  page: {
    title: 'Privacy center',
    lead: 'Everything this app knows about you is on this device, encrypted. Nothing is sent anywhere: below is what is stored, what you can do with it, and every request this page has made.',
    readError: 'Your stored data could not be read',
    reading: 'Reading what is stored…',
    eraseIntro: "Deletes your profile, every event, your settings, the encryption key and this site's caches and local storage from this device.",
  },
  /** Sizes under a kilobyte, exactly (the shared format rounds them to "0 kB"). */
  bytesExact: '{{bytes}} B',
  storedData: {
    heading: 'What is stored on this device',
    protection: {
      device:
        'Encrypted (AES-GCM) with a key this browser keeps for this site: other sites and other apps on this device cannot read it, but anyone who can use this browser profile can open the app and see it. On a shared computer, add a passphrase.',
      passphrase: 'Encrypted (AES-GCM) with a key made from your passphrase: without it, the stored data cannot be read.',
    },
    profile: 'Profile',
    profileSummary: 'Risk level R{{risk}}, age {{age}}, {{years}}-year horizon',
    none: 'None',
    goals: 'Your goals',
    events: 'Events',
    /** "5: Viewed 3, Saved 2" — the total, then one `kindCount` per kind joined by `kindSeparator`. */
    eventSummary: '{{total}}: {{kinds}}',
    kindCount: '{{kind}} {{number}}',
    kindSeparator: ', ',
    eventsKept: 'Events kept',
    keptUntilErased: 'Until you erase them',
    keptDays_one: '{{count}} day',
    keptDays_other: '{{count}} days',
    caption: 'Storage on this device',
    column: {
      store: 'Store',
      records: 'Records',
      size: 'Size',
      encrypted: 'Encrypted',
    },
    encryptedYes: 'Yes',
    encryptedNo: 'No (not personal)',
    showEvents: 'Show every stored event ({{total}})',
  },
  persistence: {
    heading: 'Kept on this device',
    state: {
      persisted: 'The browser keeps this data until you erase it, even when the disk runs low.',
      'best-effort': 'The browser may clear this data when the disk runs low. Ask it to keep the data:',
      unsupported: 'This browser does not say whether it keeps the data when the disk runs low.',
    },
    keep: 'Keep my data',
  },
  transfer: {
    heading: 'Export and import',
    intro:
      'The export is one JSON file with your profile, every event and your settings, unencrypted: keep it somewhere safe. Importing a file replaces everything stored here with what it holds.',
  },
  export: {
    button: 'Export my data',
    working: 'Preparing your file…',
    failed: 'Export failed',
    done_one: 'Exported {{count}} event.',
    done_other: 'Exported {{count}} events.',
    doneWithProfile_one: 'Exported your profile and {{count}} event.',
    doneWithProfile_other: 'Exported your profile and {{count}} events.',
  },
  import: {
    label: 'Import an export file',
    /** <name> is the chosen file's name. */
    question: 'Replace your profile, every event and your settings on this device with what "<name>{{name}}</name>" holds?',
    replace: 'Replace with this file',
    cancel: 'Cancel',
    working: 'Checking and importing the file…',
    failed: 'Nothing was imported',
    done_one: 'Imported {{count}} event.',
    done_other: 'Imported {{count}} events.',
    doneWithProfile_one: 'Imported your profile and {{count}} event.',
    doneWithProfile_other: 'Imported your profile and {{count}} events.',
    tooLarge: 'That file is {{megabytes}} MB, larger than any export of this app. Choose the file you exported.',
  },
  retention: {
    heading: 'How long events are kept',
    intro: 'Events older than this are deleted from this device when you apply it and each time the app starts. Your profile is kept.',
    label: 'Keep events for',
    forever: 'Until I erase them',
    days_one: '{{count}} day',
    days_other: '{{count}} days',
    oneYear: '1 year',
    apply: 'Apply',
    working: 'Saving the setting and deleting older events…',
    failed: 'The setting was not saved',
    keptFor_one: 'Events older than {{count}} day are deleted.',
    keptFor_other: 'Events older than {{count}} days are deleted.',
    keptForever: 'Events are kept until you erase them.',
    deletedNow_one: '{{count}} event was deleted now.',
    deletedNow_other: '{{count}} events were deleted now.',
    // Two counts in one message: each sentence is nested with its own count (i18next nesting).
    done: '$t(privacy.retention.keptFor, {"count": {{days}} }) $t(privacy.retention.deletedNow, {"count": {{deleted}} })',
    doneForever: '$t(privacy.retention.keptForever) $t(privacy.retention.deletedNow, {"count": {{deleted}} })',
  },
  passphrase: {
    heading: 'Passphrase',
    locked: 'Your data is locked with your passphrase: it is needed each time you open the app.',
    remove: 'Remove the passphrase',
    intro:
      'On a shared computer, lock your data with a passphrase: it is then needed each time the app is opened. There is no way to recover a forgotten passphrase; you could only erase the data and start again.',
    newLabel: 'New passphrase',
    repeatLabel: 'Type it again',
    tooShort: 'Choose a passphrase of at least {{min}} characters.',
    differ: 'The two passphrases differ. Type the same passphrase twice.',
    submit: 'Lock with this passphrase',
    working: 'Re-encrypting your data…',
    failed: 'The passphrase was not changed',
    removed: 'The passphrase is removed: this browser opens your data by itself again.',
    set: 'Your data is now locked with your passphrase. You will need it each time you open the app.',
  },
  erase: {
    heading: 'Erase everything',
    question: 'Erase your profile, every event, your settings and the encryption key from this device? This cannot be undone.',
    confirm: 'Yes, erase everything',
    keep: 'Keep my data',
    start: 'Erase my data…',
    working: 'Erasing…',
    failed: 'Erasing failed',
    done: 'Everything this app stored about you on this device is erased.',
  },
  unlock: {
    title: 'Your data is locked',
    lead: 'Your profile and activity on this device are encrypted with your passphrase. Enter it to open them.',
    label: 'Passphrase',
    submit: 'Open my data',
    opening: 'Opening…',
    deriving: 'Deriving the key from your passphrase; this takes a second or two, longer while the model is still loading.',
    failed: 'Your data stays locked',
    eraseIntro: 'Forgotten your passphrase? It cannot be recovered. You can erase the locked data from this device and start again.',
  },
  ledger: {
    heading: 'Network ledger',
    intro:
      'Every request this app has made since the page loaded, as your browser itself recorded it: in the page, and in the engine worker that runs the models. It is checked here, on your device, as it grows.',
    reading: "Reading the browser's record of requests…",
    verdict: {
      clean_one:
        "No request carried personal data in its address: the one request went to this site, for files of this app, with no query but the page's own settings.",
      clean_other:
        "No request carried personal data in its address: all {{count}} went to this site, for files of this app, with no query but the page's own settings.",
      violations_one: '{{flagged}} of {{count}} request could not be shown free of personal data: the reasons are in the table.',
      violations_other: '{{flagged}} of {{count}} requests could not be shown free of personal data: the reasons are in the table.',
      incomplete_one: 'None of the {{count}} request failed the check, but the check is incomplete:',
      incomplete_other: 'None of the {{count}} requests failed the check, but the check is incomplete:',
    },
    counts_one: '{{count}} request, {{bytes}} received over the network.',
    counts_other: '{{count}} requests, {{bytes}} received over the network.',
    caption: "Requests since the page loaded: the page's first, then the engine worker's",
    column: {
      address: 'Address',
      method: 'Method',
      received: 'Received',
      initiator: 'Initiator',
      madeBy: 'Made by',
      check: 'Check',
    },
    methodNotVisible: 'Not visible',
    context: {
      page: 'Page',
      'engine-worker': 'Engine worker',
    },
    passed: 'Passed',
    limitsHeading: 'What the ledger cannot see',
    limits: {
      fetchBody:
        "The method and body of a request made with <code>fetch()</code>: the browser records its address, size and timing only. The project's privacy audit (<code>npm run audit:privacy</code>) records them in a test browser.",
      fetchBodyCounted:
        "The method and body of a request made with <code>fetch()</code> ({{requests}} of the requests above): the browser records its address, size and timing only. The project's privacy audit (<code>npm run audit:privacy</code>) records them in a test browser.",
      serviceWorker:
        "The service worker's own downloads, when it copies this app's files for offline use: they happen in its own context, which the page cannot read. The privacy audit records them too.",
      headers: 'Request headers, such as cookies.',
      sockets: 'Connections that are not requests for a file (<en>WebSocket</en>, <en>WebRTC</en>).',
    },
    checkAgain: 'Check again',
    problems: {
      unreadableAddress: 'Its address cannot be read, so what it carried cannot be checked.',
      otherSite: 'It went to another site (<code>{{origin}}</code>).',
      query: 'Its address has a query string (?…), which can carry data.',
      unknownParameter: 'The page\'s address has a query parameter the app does not read ("<code>{{name}}</code>"), which can carry data.',
      unknownValue: 'The page\'s address gives "<code>{{name}}</code>" a value the app does not read, which can carry data.',
      notBuildFile: 'It asked for something that is not a file of this build.',
      beacon: 'It was sent with <code>sendBeacon()</code> or a link ping, which always posts a body.',
      xhr: 'It is an <code>XMLHttpRequest</code>, which can carry a body the ledger cannot see; this app makes none.',
      otherInitiator: 'It was started by "<code>{{initiator}}</code>", which this app does not use; its method and body cannot be seen.',
    },
    gaps: {
      buildFilesUnknown: 'Which files belong to the app is not known: <en>{{detail}}</en>',
      pageUnreadable: 'The requests of the page could not be read: <en>{{detail}}</en>',
      workerUnreadable: 'The requests of the engine worker could not be read: <en>{{detail}}</en>',
      timingsFull: "The browser's record of this page's requests was full before the ledger started, so some early requests may be missing.",
    },
  },
};
