// `npm test` runs this first (the `pretest` script): installs what the tests need from the system when it can, as
// `npm start` does for ffmpeg, and says at the start which optional suites will be skipped.
import { optionalSuitesReport } from './optionalTestSuites';
import { ensureSystemPackages, testRequirements } from './systemPackages';

if (!ensureSystemPackages(testRequirements, { purpose: 'to run its tests', rerun: 'npm test' })) process.exit(1);
console.log(optionalSuitesReport(process.env).join('\n'));
