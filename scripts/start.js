// `npm start`: build when needed, then run the server in this process.
const path = require('node:path');
const { buildIfNeeded, root } = require('./build-if-needed');

buildIfNeeded();
require(path.join(root, 'dist', 'src', 'main.js')).runMain();
