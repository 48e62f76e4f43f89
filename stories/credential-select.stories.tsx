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

export const FollowingTheDefault: Story = {
  play: async ({ args, canvasElement }) => {
    const select = within(canvasElement).getByRole('combobox', { name: 'Credential' });
    await expect(select).toHaveDisplayValue('Default credential (Production)');
    await userEvent.selectOptions(select, 'b');
    await expect(args.onChange).toHaveBeenCalledWith('b');
  },
};

export const MissingCredential: Story = {
  args: { value: 'deleted' },
  play: async ({ canvasElement }) => {
    const select = within(canvasElement).getByRole('combobox', { name: 'Credential' });
    await expect(select).toHaveDisplayValue('Credential missing');
  },
};
