// @vitest-environment happy-dom
import { describeAdapter } from '../../tests/describe-adapter';
import freshdesk from './freshdesk';

describeAdapter(freshdesk);
