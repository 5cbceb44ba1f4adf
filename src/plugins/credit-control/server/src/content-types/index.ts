import dunningLevel from './dunning-level/schema.json';
import dunningRecord from './dunning-record/schema.json';
import policy from './policy/schema.json';
import rate from './rate/schema.json';

export default {
  policy: { schema: policy },
  rate: { schema: rate },
  'dunning-level': { schema: dunningLevel },
  'dunning-record': { schema: dunningRecord },
};
