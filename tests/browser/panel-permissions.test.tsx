import {
  allowAccess,
  connectByConsent,
  parseAuthorizationRequest,
  type MockStore,
} from 'pipeline-connect/mocks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
// The stories' canvas frame: a fixed-size PipelineCanvas with the given nodes.
import { CanvasFrame, sourceNode } from '../../stories/support/canvas-frame';
import { renderWithBackend } from '../support/render-with-backend';

/*
 * Scopes needed vs granted, and a grant that cannot renew itself, as the node and its panel
 * show them. The grants are made by the simulated provider's consent with scopes unticked, as a
 * user does on Google's or Microsoft's consent page.
 */

afterEach(() => {
  vi.restoreAllMocks();
});

const DRIVE_READ = 'https://www.googleapis.com/auth/drive.readonly';
const panel = (name: string) => page.getByRole('complementary', { name: `${name} connection` });

/** A popup as the flow sees it (the test plays the provider's page). */
function fakePopup() {
  return {
    closed: false,
    focus: vi.fn(),
    close: vi.fn(),
    location: { replace: vi.fn<(url: string) => void>() },
  };
}

async function oneDriveClient(store: MockStore) {
  store.saveOAuthClient(
    'onedrive',
    { mode: 'custom', clientId: 'contoso-pipeline', clientSecret: 'contoso-secret' },
    window.location.origin,
  );
}

describe('a grant without a permission the node needs', () => {
  it('shows Missing permission on the node and a cross in the panel; Re-authorize to add restores it', async () => {
    let store: MockStore | undefined;
    const { backend } = await renderWithBackend(
      <CanvasFrame nodes={[sourceNode('drive', 'google-drive', null, true)]} />,
      {
        prepare: async (s) => {
          store = s;
          await connectByConsent(s, 'google-drive', { grant: ['profile', 'email'] });
        },
      },
    );
    const drive = panel('Google Drive');
    await expect.element(drive.getByRole('status')).toHaveTextContent('Missing permission');
    // The node says the same, in its own words and state.
    const nodeView = document.querySelector('.pc-data-source-node');
    expect(nodeView?.getAttribute('data-status')).toBe('missing-permission');
    expect(nodeView?.querySelector('.pc-node-status')?.textContent).toBe('Missing permission');
    const need = drive.getByRole('listitem').filter({ hasText: 'See and download' });
    await expect.element(need).toHaveTextContent('not granted');
    expect(need.element().hasAttribute('data-granted')).toBe(false);

    const popup = fakePopup();
    vi.spyOn(window, 'open').mockReturnValue(popup as unknown as Window);
    const add = drive.getByRole('button', {
      name: 'Re-authorize to add “See and download your Google Drive files”',
    });
    await add.click();
    // Play the provider: the consent asks for every scope again, and this time all are granted.
    await vi.waitFor(() => expect(popup.location.replace).toHaveBeenCalled());
    const request = parseAuthorizationRequest(popup.location.replace.mock.calls[0]![0]);
    expect(request.scope.split(' ')).toContain(DRIVE_READ);
    const redirect = new URL(allowAccess(store!, request));
    await backend.completeOAuthCallback({
      state: redirect.searchParams.get('state') ?? '',
      code: redirect.searchParams.get('code') ?? '',
    });

    await expect.element(drive.getByRole('status')).toHaveTextContent('Connected');
    await expect.element(need).toHaveTextContent('granted');
    expect(need.element().hasAttribute('data-granted')).toBe(true);
    await expect.element(add).not.toBeInTheDocument();
    // The same credential was renewed: no copy.
    expect(store!.listCredentials({ providerId: 'google-drive' })).toHaveLength(1);
    // The button went with the state; focus stays inside the panel, on its heading.
    await expect
      .element(drive.getByRole('heading', { name: 'Google Drive', level: 2 }))
      .toHaveFocus();
  });

  it('lists every need with a tick when all were granted, and offers nothing to add', async () => {
    await renderWithBackend(
      <CanvasFrame nodes={[sourceNode('drive', 'google-drive', null, true)]} />,
      { prepare: (s) => connectByConsent(s, 'google-drive').then(() => undefined) },
    );
    const drive = panel('Google Drive');
    await expect.element(drive.getByRole('status')).toHaveTextContent('Connected');
    const need = drive.getByRole('listitem').filter({ hasText: 'See and download' });
    await expect.element(need).toHaveTextContent(/, granted$/);
    await expect
      .element(drive.getByRole('button', { name: /Re-authorize to add/ }))
      .not.toBeInTheDocument();
  });

  it('speaks the content locale: the catalog’s purpose and the panel’s words', async () => {
    await renderWithBackend(
      <CanvasFrame nodes={[sourceNode('drive', 'google-drive', null, true)]} />,
      {
        locale: 'zh-Hans',
        prepare: (s) => connectByConsent(s, 'google-drive', { grant: ['email'] }).then(() => {}),
      },
    );
    const drive = page.getByRole('complementary', { name: 'Google 云端硬盘连接' });
    await expect.element(drive.getByRole('status')).toHaveTextContent('缺少权限');
    await expect
      .element(
        drive.getByRole('button', { name: '重新授权以添加“查看和下载你的 Google 云端硬盘文件”' }),
      )
      .toBeVisible();
    await expect
      .element(drive.getByRole('listitem').filter({ hasText: '查看和下载' }))
      .toHaveTextContent('未授予');
  });
});

describe('a grant that cannot renew itself', () => {
  it('turns the node amber before it expires, says why in the panel, and the row says when', async () => {
    await renderWithBackend(<CanvasFrame nodes={[sourceNode('one', 'onedrive', null, true)]} />, {
      prepare: async (s) => {
        await oneDriveClient(s);
        // Microsoft issues no refresh token without offline_access ("Maintain access").
        await connectByConsent(s, 'onedrive', { grant: ['Files.Read.All', 'User.Read'] });
      },
    });
    const status = page.getByText('Expires, won’t renew · ada@contoso.example', { exact: true });
    await expect.element(status.first()).toBeVisible();
    const nodeView = document.querySelector('.pc-data-source-node');
    expect(nodeView?.getAttribute('data-status')).toBe('expiring');
    // Amber: the warning colour, as expired has.
    const warning = getComputedStyle(nodeView as Element)
      .getPropertyValue('--pc-warning')
      .trim();
    expect(warning).not.toBe('');

    const one = panel('OneDrive');
    await expect.element(one.getByText(/cannot renew itself/)).toBeVisible();
    const alert = one
      .getByText(/cannot renew itself/)
      .element()
      .closest('[data-slot="alert"]');
    expect(alert?.getAttribute('data-tone')).toBe('warning');
    expect(alert?.querySelector('button')?.textContent).toBe('Re-authorize');
    await expect
      .element(one.getByText(/^Expires in \d+ minutes — re-authorize to renew/))
      .toBeVisible();
    // Every permission the node needs was granted: nothing is missing, it just will not last.
    await expect
      .element(one.getByRole('listitem').filter({ hasText: 'Read all the files' }))
      .toHaveTextContent(/, granted$/);
  });

  it('shows the full expiry date on keyboard focus, as on hover', async () => {
    await renderWithBackend(<CanvasFrame nodes={[sourceNode('one', 'onedrive', null, true)]} />, {
      prepare: async (s) => {
        await oneDriveClient(s);
        await connectByConsent(s, 'onedrive', { grant: ['Files.Read.All'] });
      },
    });
    const time = panel('OneDrive').getByText(/^Expires in/);
    await expect.element(time).toBeVisible();
    const full = time.element().getAttribute('title') ?? '';
    expect(full).not.toBe('');
    const hidden = time.element().querySelector('.pc-visually-hidden') as HTMLElement;
    expect(hidden.getBoundingClientRect().width).toBeLessThanOrEqual(1);
    // Tab from the control before it (the row's menu button comes after the time).
    (time.element() as HTMLElement).focus();
    await userEvent.keyboard('{Shift>}{Tab}{/Shift}');
    await userEvent.keyboard('{Tab}');
    await expect.element(time).toHaveFocus();
    expect(hidden.getBoundingClientRect().width).toBeGreaterThan(20);
    expect(hidden.textContent).toContain(full);
  });
});
