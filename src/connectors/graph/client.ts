import { RestClient, type RestClientOptions, type RestPage, type RestRead } from '../rest-client';

/** GRAPH_BASE_URL is the `baseUrl`, GRAPH_MAX_PAGES the `maxPages`. */
export type GraphClientOptions = RestClientOptions;
export type GraphRead = RestRead;
export type GraphPage = RestPage;

/**
 * Microsoft Graph: `@odata.nextLink` paging, a token for `<GRAPH_BASE_URL>/.default`, and a 403
 * that points the administrator at the application permissions in the README.
 */
export class GraphClient extends RestClient {
  constructor(options: GraphClientOptions) {
    super(options, {
      name: 'Microsoft Graph',
      codePrefix: 'graph',
      nextLinkField: '@odata.nextLink',
      forbiddenAdvice:
        'The Warden identity needs the application permission listed for this data in the ' +
        'README; ask an administrator to grant it with admin consent.',
    });
  }
}
