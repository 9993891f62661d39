import { Link } from 'wouter';
import { PageHeading } from './common/PageHeading';

/** Any address the app does not know. */
export function NotFoundPage() {
  return (
    <div className="page">
      <PageHeading>Page not found</PageHeading>
      <p>This address does not lead to a page of this app. It may be mistyped or out of date.</p>
      <p>
        <Link href="/">Go to the start page</Link>
      </p>
    </div>
  );
}
