// The core library of the Fail2Ban filter compiler: see README.md for the architecture.
