package sim

import "testing"

// Config.Validate refuses network.rewire and network.homophily by the
// limits declared next to the parameters (network.ParamLimits), with the
// same message as the network builder's check.
func TestValidateNetworkLimits(t *testing.T) {
	for _, tc := range []struct {
		set  func(*Config)
		want string
	}{
		{func(c *Config) { c.Network.Rewire = 1.5 }, "network.rewire = 1.5: must be between 0 and 1"},
		{func(c *Config) { c.Network.Homophily = -0.25 }, "network.homophily = -0.25: must be between 0 and 1"},
	} {
		c := DefaultConfig()
		tc.set(&c)
		if err := c.Validate(); err == nil || err.Error() != tc.want {
			t.Errorf("got %v, want %q", err, tc.want)
		}
	}
	c := DefaultConfig()
	c.Network.Rewire, c.Network.Homophily = 1, 0
	if err := c.Validate(); err != nil {
		t.Errorf("values at the limits refused: %v", err)
	}
}
