#!/usr/bin/env node
// `npx warden ask "question"`: build when needed, then run the command line.
const path = require('node:path');
const { buildIfNeeded, root } = require('../scripts/build-if-needed');

buildIfNeeded();
require(path.join(root, 'dist', 'src', 'cli.js')).cliMain();
