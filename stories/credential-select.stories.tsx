import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { CredentialSelect, type Credential } from 'pipeline-connect';

const credential = (id: string, name: string, extra: Partial<Credential> = {}): Credential => ({
  id,
  providerId: 'firecrawl',
  name,
  method: 'api_key',
  status: 'active',
  account: null,
  values: {},
  isDefault: false,
  version: 1,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  expiresAt: null,
  lastVerifiedAt: null,
  lastRefreshAt: null,
  lastError: null,
  grantedScopes: null,
  refreshable: null,
  ...extra,
});

/** Which credential a node uses: the provider's default (`null`), or a named credential. */
const meta = {
  title: 'Panel/Credential select',
  component: CredentialSelect,
  args: {
    credentials: [
      credential('a', 'Production', { isDefault: true }),
      credential('b', 'Staging'),
      credential('c', 'Old token', { status: 'expired' }),
    ],
    value: null,
    onChange: fn(),
  },
} satisfies Meta<typeof CredentialSelect>;

export default meta;
type Story = StoryObj<typeof meta>;

/** One "Use the default (…)" entry, then each credential; the default one says so underneath. */
export const FollowingTheDefault: Story = {
  play: async ({ args, canvasElement }) => {
    const select = within(canvasElement).getByRole('combobox', { name: 'Credential' });
    await expect(select).toHaveTextContent('Use the default (Production)');
    await userEvent.click(select);
    const body = within(canvasElement.ownerDocument.body);
    const options = await body.findAllByRole('option');
    await expect(options).toHaveLength(4);
    await expect(options[0]).toHaveAttribute('data-state', 'checked');
    // One default entry: no credential repeats it as "Name (default)"; the default one and an
    // expired one say so in their secondary line.
    await expect(options[0]).toHaveTextContent('Use the default (Production)');
    await expect(body.getAllByRole('option', { name: /^Use the default/ })).toHaveLength(1);
    await expect(body.queryByRole('option', { name: /\(default\)/i })).toBeNull();
    await expect(options[1]).toHaveTextContent(/^Production\s*Default$/);
    await expect(options[3]).toHaveTextContent(/^Old token\s*Expired$/);
    await userEvent.click(body.getByRole('option', { name: /^Staging/ }));
    await expect(args.onChange).toHaveBeenCalledWith('b');
  },
};

/** A node pointing at a credential that was deleted says so, and cannot pick it again. */
export const MissingCredential: Story = {
  args: { value: 'deleted' },
  play: async ({ canvasElement }) => {
    const select = within(canvasElement).getByRole('combobox', { name: 'Credential' });
    await expect(select).toHaveTextContent('Credential missing');
  },
};
