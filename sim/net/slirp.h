/*
 * slirp.h: user-mode networking for the virtio-net model, on libslirp
 * (4.7): the guest's frames go into libslirp's own TCP/IP stack, which
 * speaks to the host through ordinary sockets.  The network is QEMU's
 * user-net plan: 10.0.2.0/24, the host (gateway) 10.0.2.2, DNS 10.0.2.3,
 * DHCP from 10.0.2.15; IPv6 fec0::/64 with fec0::2 and fec0::3.  The
 * guest reaching 10.0.2.2:P reaches the host's 127.0.0.1:P; inbound TCP
 * port forwards are set at creation.
 *
 * Threads: libslirp is neither thread-safe nor reentrant, so one "net
 * thread" started by sim_slirp_start() owns it: it polls libslirp's
 * sockets, its timers and an eventfd, feeds it the guest's frames and
 * hands its frames to rx().  sim_slirp_tx() and sim_slirp_rx_ready() may
 * be called from any thread and never block; everything else is for the
 * thread that made the backend.
 */
#ifndef SIM_NET_SLIRP_H
#define SIM_NET_SLIRP_H

#include <stddef.h>
#include <stdint.h>

#define SIM_SLIRP_FWD_MAX	16
#define SIM_SLIRP_RXQ_MAX	256	/* frames held while the guest has
					   no receive buffer */

struct sim_slirp;

/* An inbound forward: host 127.0.0.1:host_port to the guest's guest_port. */
struct sim_slirp_fwd {
	uint16_t	host_port, guest_port;
};

struct sim_slirp_config {
	const struct sim_slirp_fwd	*fwds;	/* TCP, at most FWD_MAX */
	size_t				 nfwds;
	/*
	 * Where libslirp's frames go, on the net thread; the frame is
	 * borrowed.  Returns as vnet_rx(): > 0 delivered, 0 no buffer now
	 * (the frame is held, up to SIM_SLIRP_RXQ_MAX, and offered again
	 * after sim_slirp_rx_ready()), < 0 dropped.
	 */
	int	(*rx)(void *arg, const uint8_t *frame, size_t len);
	void	*rx_arg;
};

struct sim_slirp_stats {
	uint64_t	tx_frames;	/* given to libslirp */
	uint64_t	tx_dropped;	/* the transmit queue was full */
	uint64_t	rx_held;	/* frames held now */
	uint64_t	rx_dropped;	/* held frames beyond RXQ_MAX */
};

/*
 * Makes the backend and its port forwards, without starting the thread.
 * 0, or -EADDRINUSE (a forward's host port is taken), -EINVAL (too many
 * forwards), -ENOMEM, -EIO (libslirp refused the configuration).
 */
int	sim_slirp_new(const struct sim_slirp_config *c,
	    struct sim_slirp **out);
/* Starts the net thread: 0 or -EAGAIN. */
int	sim_slirp_start(struct sim_slirp *s);
/*
 * Queues a guest frame (Ethernet, >= 14 bytes; copied) for libslirp and
 * wakes the net thread; a full queue drops it.  Any thread.  The
 * signature fits struct vnet_backend's tx (arg is the sim_slirp).
 */
void	sim_slirp_tx(void *arg, const uint8_t *frame, size_t len);
/* The guest posted receive buffers: offer the held frames.  Any thread. */
void	sim_slirp_rx_ready(void *arg);
void	sim_slirp_get_stats(struct sim_slirp *s, struct sim_slirp_stats *st);
/* Stops and joins the net thread (no rx() after it returns). */
void	sim_slirp_stop(struct sim_slirp *s);
/* Frees a stopped (or never started) backend; NULL is a no-op. */
void	sim_slirp_free(struct sim_slirp *s);

#endif
