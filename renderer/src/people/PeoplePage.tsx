import { CollectivePage, NewCollectivePage } from './CollectivePage';
import { NewPersonPage, PersonPage } from './PersonPage';
import { PeopleList } from './PeopleList';

/** `#/people`, `#/people/new`, `#/people/<id>`, `#/people/collectives/new|<id>`. */
export function PeoplePage({ path }: { path: string[] }) {
  const [first, second] = path;
  if (first === undefined) return <PeopleList />;
  if (first === 'new') return <NewPersonPage />;
  if (first === 'collectives') {
    if (second === undefined || second === 'new') return <NewCollectivePage />;
    return <CollectivePage key={second} id={second} />;
  }
  return <PersonPage key={first} id={first} />;
}
