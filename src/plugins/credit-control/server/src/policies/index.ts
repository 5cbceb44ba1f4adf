import configured from './configured';

export default { configured };
