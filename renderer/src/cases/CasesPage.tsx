import { CaseList } from './CaseList';
import { CasePage } from './CasePage';
import { EditCasePage, NewCasePage } from './CaseEditor';

/** `#/cases`, `#/cases/new`, `#/cases/<id>`, `#/cases/<id>/edit`. */
export function CasesPage({ path }: { path: string[] }) {
  const [first, second] = path;
  if (first === undefined) return <CaseList />;
  if (first === 'new') return <NewCasePage />;
  if (second === 'edit') return <EditCasePage key={`${first}-edit`} id={first} />;
  return <CasePage key={first} id={first} />;
}
