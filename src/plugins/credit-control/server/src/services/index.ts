import mapping from './mapping';

export default { mapping };
