import { StoragePanel } from './StoragePanel.tsx';
import { TransferPanel } from './TransferPanel.tsx';
import { CodebookPanel } from './CodebookPanel.tsx';
import { ThemeEditor } from './ThemeEditor.tsx';
import { SmallNumbersPanel } from './SmallNumbersPanel.tsx';
import { UserItemsPanel } from './UserItemsPanel.tsx';

/** Your data: what is kept in this browser, export/import/delete, and the theme set. */
export default function WorkspacePage() {
  return (
    <div className="workspace-page">
      <StoragePanel />
      <UserItemsPanel />
      <TransferPanel />
      <SmallNumbersPanel />
      <CodebookPanel />
      <ThemeEditor />
    </div>
  );
}
