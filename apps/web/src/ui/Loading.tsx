import { MESSAGES } from '../text/da';

/** dkfds' spinner with its text, announced politely. */
export function Loading({ text = MESSAGES.loading }: { text?: string }) {
  return (
    <div className="align-text-center my-6">
      <div className="spinner" aria-hidden="true"></div>
      <div className="spinner-status" role="status">
        {text}
      </div>
    </div>
  );
}
