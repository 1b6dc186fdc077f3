import 'dotenv/config';
import { runDoctor } from './doctor-checks';

/** `npm run doctor`: checks the set-up and says how to fix what is wrong; exits 1 if a check failed. */
runDoctor(process.env, (line) => console.log(line))
  .then((ok) => {
    console.log(ok ? '\nAll checks passed.' : '\nSome checks failed: see the fixes above.');
    process.exitCode = ok ? 0 : 1;
  })
  .catch((err: unknown) => {
    console.error(`The doctor itself failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  });
