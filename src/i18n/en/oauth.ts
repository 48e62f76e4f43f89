/** Words of the OAuth flow: the status dialog, OAuth Client Settings and the completion page. */
export const oauth = {
  /** Shown in the popup while it waits for the provider's address. */
  popupLoading: (p: { provider: string }) => `Opening ${p.provider}…`,
  connectedToast: (p: { provider: string; account: string | null }) =>
    p.account ? `${p.provider} connected as ${p.account}` : `${p.provider} connected`,
  reauthorizedToast: (p: { provider: string; account: string | null }) =>
    p.account ? `${p.provider} re-authorized as ${p.account}` : `${p.provider} re-authorized`,
  /** The account was connected already: its credential was re-authorized, no copy was added. */
  reconnectedToast: (p: { provider: string; account: string | null; name: string | null }) =>
    `${p.provider} was already connected${p.account ? ` as ${p.account}` : ''}: ${
      p.name ? `“${p.name}”` : 'that connection'
    } was re-authorized instead of adding a copy`,
  status: {
    tryAgain: 'Try again',
    dismiss: 'Not now',
    done: 'Done',
    cancel: 'Cancel',
    nothingSaved: 'Nothing was saved.',
    opening: {
      title: (p: { provider: string }) => `Connecting ${p.provider}`,
      body: (p: { provider: string }) => `Opening the ${p.provider} sign-in window…`,
    },
    waiting: {
      title: (p: { provider: string }) => `Connecting ${p.provider}`,
      body: (p: { provider: string }) =>
        `Finish in the ${p.provider} window: review the permissions, then click Allow Access.`,
      bodyTab: (p: { provider: string }) =>
        `Finish in the ${p.provider} tab: review the permissions, then click Allow Access. This dialog updates by itself.`,
      focus: 'Focus the window',
      /** The popup reads closed: maybe it is (the user closed it), maybe the provider's COOP hides it. */
      mayHaveClosed: 'Waiting for the provider… (the window may have closed)',
      mayHaveClosedHelp: (p: { provider: string }) =>
        `If the ${p.provider} window is still open, finish there and this updates by itself. If you closed it, cancel, or open it again.`,
      closedCancel: 'I closed it — cancel',
      reopen: 'Open it again',
    },
    cancelling: {
      body: (p: { provider: string }) => `Closing the ${p.provider} sign-in request…`,
    },
    blocked: {
      title: 'The sign-in window was blocked',
      body: (p: { provider: string }) =>
        `Your browser blocked the ${p.provider} sign-in window. Allow pop-ups for this site and try again, or open the sign-in page in a new tab.`,
      stillBlocked:
        'The window was blocked again. Allow pop-ups for this site in the address bar, or use a new tab.',
      openInTab: 'Open in a new tab',
      preparingLink: 'Preparing the link…',
    },
    denied: {
      title: 'Access was not granted',
      body: (p: { provider: string }) =>
        `${p.provider} was not connected because access was declined. To connect, try again and click Allow Access.`,
    },
    failed: {
      title: (p: { provider: string }) => `Could not connect ${p.provider}`,
      clientRequired: (p: { provider: string }) =>
        `${p.provider} needs an OAuth client before it can connect.`,
      setUpClient: 'OAuth Client Settings',
      unsafeUrl: (p: { provider: string }) =>
        `The server sent a ${p.provider} sign-in address that is not a secure (https) link, so it was not opened. Ask whoever runs this service to check its OAuth settings.`,
      /** The provider's `redirect_uri_mismatch`: the URI below is the one to register. */
      redirectMismatch: (p: { provider: string }) =>
        `${p.provider} does not allow this redirect URI for your OAuth app. Add it, exactly as below, to the app’s allowed redirect URIs, then try again.`,
    },
    expired: {
      title: 'The sign-in request expired',
      body: (p: { provider: string }) =>
        `The request to ${p.provider} expired before access was granted. Start again to connect.`,
    },
    cancelled: {
      title: 'Connection cancelled',
      body: (p: { provider: string }) => `${p.provider} was not connected.`,
    },
    succeeded: {
      title: (p: { provider: string }) => `${p.provider} connected`,
      body: (p: { account: string | null }) =>
        p.account ? `Connected as ${p.account}.` : 'The connection is ready to use.',
    },
  },
  client: {
    title: 'OAuth Client Settings',
    description: (p: { provider: string }) => `Choose which OAuth client connects ${p.provider}.`,
    /** A provider with no platform client: there is nothing to choose, only a client to set up. */
    descriptionCustomOnly: (p: { provider: string }) =>
      `Set up the OAuth client that connects ${p.provider}.`,
    setupRequired: (p: { provider: string }) =>
      `Set up a custom OAuth client to connect ${p.provider}.`,
    customOnly: (p: { provider: string }) =>
      `${p.provider} needs your own OAuth app: register one with ${p.provider}, then enter its Client ID and Client Secret here.`,
    /** The link to where the provider's OAuth apps are registered (from the catalog). */
    developerConsole: (p: { provider: string }) => `Open the ${p.provider} developer console`,
    opensInNewTab: '(opens in a new tab)',
    modeLabel: 'OAuth client',
    default: 'Default',
    defaultHelp: 'Use the platform’s OAuth client. Nothing to set up.',
    custom: 'Custom',
    customHelp: 'Use an OAuth app you registered with the provider.',
    clientId: 'Client ID',
    clientSecret: 'Client Secret',
    keepSecret: 'Leave blank to keep the saved secret',
    clientIdRequired: 'Enter the Client ID.',
    clientSecretRequired: 'Enter the Client Secret.',
    redirectUri: 'Redirect URI',
    redirectUriHelp: 'Add this address to your OAuth app’s allowed redirect URIs.',
    copyRedirectUri: 'Copy the redirect URI',
    /** The redirect-URI doctor: the sign-in would end on another origin than this page. */
    redirectOriginMismatch: (p: {
      provider: string;
      difference: 'scheme' | 'host' | 'port';
      redirectOrigin: string;
      pageOrigin: string;
    }) =>
      `The backend will send ${p.provider} back to ${p.redirectOrigin}, but this page is at ${p.pageOrigin} (another ${p.difference}). The sign-in could not reach this page: open it at ${p.redirectOrigin}, or set the backend’s public address to ${p.pageOrigin}.`,
    saveAndAuthorize: 'Save and Authorize',
    save: 'Save',
    saving: 'Saving…',
    cancel: 'Cancel',
    remove: 'Remove',
    removeCustom: 'Remove custom client',
    removeConfirm: (p: { provider: string }) =>
      `Remove the custom OAuth client? ${p.provider} connections made with it may stop working when their tokens need refreshing.`,
    removeConfirmAction: 'Remove client',
    keep: 'Keep it',
    removed: 'Custom OAuth client removed',
    saved: 'OAuth client settings saved',
    loadFailed: 'Could not load the OAuth client settings.',
    saveFailed: 'The settings were not saved.',
  },
  completion: {
    title: 'Connecting…',
    working: 'Finishing the connection…',
    succeeded: 'Connected — you can close this window.',
    succeededClosing: 'Connected. This window will close.',
    denied: 'Access was not granted. You can close this window.',
    expired: 'The sign-in request expired. Close this window and start again.',
    failed: (p: { message: string }) => `Could not connect: ${p.message}`,
    invalid: 'This page was opened without a sign-in response. You can close this window.',
  },
};

/** The shape of the OAuth messages. */
export type OAuthMessages = typeof oauth;
