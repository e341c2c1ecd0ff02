// The OpenSearch description that lets browsers add Sosik as a search engine.
import { escapeHtml } from './snippet.ts';

export function openSearchDescription(opts: { publicUrl: string; shortName: string; description: string }): string {
  const x = escapeHtml;
  return `<?xml version="1.0" encoding="UTF-8"?>
<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/" xmlns:moz="http://www.mozilla.org/2006/browser/search/">
  <ShortName>${x(opts.shortName.slice(0, 16))}</ShortName>
  <Description>${x(opts.description)}</Description>
  <InputEncoding>UTF-8</InputEncoding>
  <Image width="16" height="16" type="image/svg+xml">${x(opts.publicUrl)}/static/favicon.svg</Image>
  <Url type="text/html" method="get" template="${x(opts.publicUrl)}/search?q={searchTerms}"/>
  <Url type="application/json" method="get" template="${x(opts.publicUrl)}/api/v1/search?q={searchTerms}"/>
  <Url type="application/opensearchdescription+xml" rel="self" template="${x(opts.publicUrl)}/opensearch.xml"/>
  <moz:SearchForm>${x(opts.publicUrl)}/search</moz:SearchForm>
</OpenSearchDescription>
`;
}
