import { Link } from "@/components/ui/Link";
import { searchUrl } from "@/lib/search/params";
import type { SearchOutcome } from "@/server/search";

/**
 * A page of results. Titles and excerpts are HTML from server/search, where the original text is
 * escaped and only the <mark>s around matches are added, so they are rendered as such.
 */
export function SearchResults({ outcome }: { outcome: SearchOutcome }) {
  const { results, page, pageSize, pageCount, q, filters } = outcome;
  return (
    <>
      <ol className="search-results" start={(page - 1) * pageSize + 1}>
        {results.map((result) => (
          <li key={`${result.kind}-${result.id}`} className="search-result">
            <h3 className="search-result__title">
              <Link href={result.href}>
                <span dangerouslySetInnerHTML={{ __html: result.titleHtml }} />
              </Link>
            </h3>
            <p className="search-result__type">{result.typeLabel}</p>
            {result.excerptHtml && <p className="search-result__excerpt" dangerouslySetInnerHTML={{ __html: result.excerptHtml }} />}
          </li>
        ))}
      </ol>
      {pageCount > 1 && (
        <nav aria-label="Pages de résultats" className="pagination">
          {page > 1 && <Link href={searchUrl({ q, filters, page: page - 1 })}>Page précédente</Link>}
          <span aria-current="page">
            Page {page} sur {pageCount}
          </span>
          {page < pageCount && <Link href={searchUrl({ q, filters, page: page + 1 })}>Page suivante</Link>}
        </nav>
      )}
    </>
  );
}
