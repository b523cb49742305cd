/*
 * ceiling.c - the fastest server this machine can run with libmicrohttpd: it
 * answers every request with the same small JSON body, using the same daemon
 * flags and thread pool as fazhi serve. bench/run.sh measures it with the
 * same wrk settings, and the fazhi figures are quoted as a ratio to it.
 *   usage: ceiling PORT THREADS
 */
#include <microhttpd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char body[] = "{\"items\":[],\"total\":0,\"page\":1,\"per_page\":20}";
static volatile sig_atomic_t stopping;

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
				  const char *method, const char *version, const char *upload,
				  size_t *upload_size, void **con_cls)
{
	(void)cls, (void)url, (void)method, (void)version, (void)upload;
	if (!*con_cls) {
		*con_cls = (void *)1;
		return MHD_YES;
	}
	*upload_size = 0;
	struct MHD_Response *r = MHD_create_response_from_buffer(sizeof body - 1, (void *)body,
								 MHD_RESPMEM_PERSISTENT);
	MHD_add_response_header(r, "Content-Type", "application/json; charset=utf-8");
	enum MHD_Result ret = MHD_queue_response(c, 200, r);
	MHD_destroy_response(r);
	return ret;
}

static void on_signal(int s)
{
	(void)s;
	stopping = 1;
}

int main(int argc, char **argv)
{
	int port = argc > 1 ? (int)strtol(argv[1], NULL, 10) : 8099;
	unsigned threads = argc > 2 ? (unsigned)strtoul(argv[2], NULL, 10) : 4;
	struct MHD_Daemon *d = MHD_start_daemon(
		MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL, (uint16_t)port, NULL, NULL,
		on_request, NULL, MHD_OPTION_THREAD_POOL_SIZE, threads, MHD_OPTION_CONNECTION_LIMIT,
		(unsigned)4096, MHD_OPTION_END);
	if (!d) {
		fprintf(stderr, "ceiling: cannot listen on %d\n", port);
		return 1;
	}
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	printf("ceiling listening on %d\n", port);
	fflush(stdout);
	while (!stopping)
		pause();
	MHD_stop_daemon(d);
	return 0;
}
