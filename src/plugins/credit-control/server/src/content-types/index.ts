import policy from './policy/schema.json';
import rate from './rate/schema.json';

export default {
  policy: { schema: policy },
  rate: { schema: rate },
};
