package sim

// Version is the Boomerang release; it is written to every manifest.
const Version = "0.1.0"
