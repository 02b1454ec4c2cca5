// Property tests draw from a fixed seed so a CI run is reproducible; set FC_SEED to explore other draws locally.
import fc from 'fast-check';

fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20240131) });
