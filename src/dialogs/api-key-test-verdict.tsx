import { CircleAlert, CircleCheck, CircleX, Info } from 'lucide-react';
import type { ApiKeyTestResult } from '../actions/use-test-api-key';
import type { VerificationOutcome } from '../credentials/backend';

const icons: Record<VerificationOutcome, typeof Info> = {
  accepted: CircleCheck,
  refused: CircleX,
  unreachable: CircleAlert,
  rate_limited: CircleAlert,
  not_verifiable: Info,
};

/**
 * The verdict of **Test**, under the fields: an icon and a sentence by outcome (never colour
 * alone). A live region that is there before any verdict, so each one is announced.
 */
export function ApiKeyTestVerdict({ verdict }: { verdict: ApiKeyTestResult | null }) {
  const Icon = verdict ? icons[verdict.outcome] : null;
  return (
    <p className="pc-api-key-verdict" role="status" data-outcome={verdict?.outcome}>
      {Icon && verdict ? (
        <>
          <Icon aria-hidden size={16} />
          <span>{verdict.sentence}</span>
        </>
      ) : null}
    </p>
  );
}
