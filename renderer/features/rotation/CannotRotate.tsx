import type { KeyStatus } from './key-status';

/** A key the assistant cannot change where it is; one from an AWS profile can be imported first. */
export function CannotRotate({
  status,
  busy,
  onImport,
}: {
  status: KeyStatus;
  busy: boolean;
  onImport: () => void;
}) {
  const why = status.cannotRotate!;
  return (
    <section className="panel warn" aria-labelledby="cannot-title">
      <h2 id="cannot-title">
        {why.reason === 'aws-profile'
          ? 'This key comes from an AWS profile'
          : 'This key cannot be changed here'}
      </h2>
      <p>{why.explanation}</p>
      {why.reason === 'aws-profile' && (
        <>
          <p className="muted">
            Importing copies the key into your system keychain. Your AWS profile file is not changed; after
            the change you will replace the key in it yourself, and the assistant will remind you.
          </p>
          <div className="actions">
            <button className="primary" disabled={busy} onClick={onImport}>
              {busy ? 'Importing…' : 'Import the key into the keychain'}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
