/** What an earlier visit left unfinished: imports lost before they were saved, and imported text not yet tagged. */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useDatabase } from '../../state/database-context.ts';
import { untaggedCountQuery, untaggedTexts, type UntaggedText } from '../../queries/untagged.ts';
import { useSaveState } from '../workspace/workspace-context.ts';
import { dismissLost, lostImports } from './unsaved-imports.ts';

const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** `taggingShown`: tagging is running or offers its own retry, so this panel leaves untagged text to it. */
export function ResumePanel({ taggingShown, onTag }: { taggingShown: boolean; onTag(texts: UntaggedText[]): void }) {
  const { db, dataVersion } = useDatabase();
  const save = useSaveState();
  // Read once per page visit: the saved workspace's time decides which notes were saved after all.
  const [lost, setLost] = useState(() => lostImports(save.at));
  // Only counted here: reading 100,000 texts right after an import would hold the page; they are read on "Tag them now".
  const untagged = useQuery({ ...untaggedCountQuery(db, dataVersion), enabled: !taggingShown });
  const [reading, setReading] = useState(false);
  const count = untagged.data?.texts ?? 0;
  const files = untagged.data?.sources ?? 0;
  if (!lost.length && (taggingShown || !count)) return null;
  const tagNow = () => {
    setReading(true);
    void untaggedTexts(db).then(onTag).catch(() => undefined /* the count stays shown, so the user can try again */).finally(() => setReading(false));
  };
  return (
    <section className="import-step" aria-labelledby="import-resume-heading" data-testid="import-resume">
      <h2 id="import-resume-heading">Unfinished from before</h2>
      {lost.length > 0 && (
        <div role="alert" className="import-error" data-testid="import-lost">
          <p>
            {lost.length === 1 ? 'This import was' : 'These imports were'} not saved before the page closed, so {lost.length === 1 ? 'it is' : 'they are'} not
            here. Import the file{lost.length === 1 ? '' : 's'} again:
          </p>
          <ul>{lost.map((l) => <li key={l.id}>{l.label} (imported {when(l.at)})</li>)}</ul>
          <button type="button" className="button-secondary" onClick={() => (dismissLost(), setLost([]))}>I have read this</button>
        </div>
      )}
      {!taggingShown && count > 0 && (
        <div data-testid="import-untagged">
          <p>
            {count} imported text{count === 1 ? ' has' : 's have'} no theme tags from the tagger yet ({files} source{files === 1 ? '' : 's'}):
            tagging was cancelled, failed, or the page closed before it finished.
          </p>
          <button type="button" disabled={reading} onClick={tagNow}>{reading ? 'Reading the texts…' : 'Tag them now'}</button>
        </div>
      )}
    </section>
  );
}
