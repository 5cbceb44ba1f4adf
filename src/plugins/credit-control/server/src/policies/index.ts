import configured from './configured';
import requestScope from './request-scope';

export default { configured, 'request-scope': requestScope };
