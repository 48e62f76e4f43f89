import type { DemoMessages } from './demo-messages';
import type { ActiveScenario } from './active-scenario';

/** Props of {@link ScenarioBanner}. */
export interface ScenarioBannerProps {
  scenario: ActiveScenario;
  messages: DemoMessages;
}

/**
 * Says in the header which mock scenario is active, so an outage or a sample dataset is never
 * mistaken for the plain demo, with the one click that leaves it.
 */
export function ScenarioBanner({ scenario, messages }: ScenarioBannerProps) {
  const description = messages.scenario.descriptions[scenario.name];
  return (
    <div className="demo-scenario">
      <span className="demo-scenario-name">
        {messages.scenario.active({ name: scenario.name })}
      </span>
      {description ? <span className="demo-scenario-description">{description}</span> : null}
      <button type="button" className="demo-scenario-button" onClick={scenario.backToNormal}>
        {messages.scenario.backToNormal}
      </button>
    </div>
  );
}
