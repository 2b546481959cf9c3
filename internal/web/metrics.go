package web

import (
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/scamwarn/scamwarn/internal/scam"
)

// Metrics counts what the service does, for Prometheus. Its methods are
// what the other rooms report through the small interfaces they declare;
// none of them takes text or ids, only kinds and counts.
type Metrics struct {
	reg     *prometheus.Registry
	checks  *prometheus.CounterVec
	updates *prometheus.CounterVec
	latency *prometheus.HistogramVec
	posts   *prometheus.CounterVec
	errors  *prometheus.CounterVec
	http    *prometheus.HistogramVec
}

// NewMetrics returns the service's metrics on a registry of their own,
// with the Go runtime and process collectors.
func NewMetrics() *Metrics {
	m := &Metrics{
		reg: prometheus.NewRegistry(),
		checks: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "scamwarn_checks_total", Help: "Messages checked, by where the check came from, verdict level and category.",
		}, []string{"source", "level", "category"}),
		updates: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "scamwarn_platform_updates_total", Help: "Platform updates handled, by platform and kind.",
		}, []string{"platform", "kind"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "scamwarn_reply_seconds", Help: "Time from receiving an update to having answered it, by platform.",
			Buckets: []float64{.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
		}, []string{"platform"}),
		posts: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "scamwarn_scheduler_posts_total", Help: "Scheduled tip slots, by platform and outcome (posted, failed, missed, skipped).",
		}, []string{"platform", "outcome"}),
		errors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "scamwarn_errors_total", Help: "Errors, by kind (the error code).",
		}, []string{"kind"}),
		http: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "scamwarn_http_request_seconds", Help: "HTTP requests, by route and status class.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1},
		}, []string{"route", "status"}),
	}
	m.reg.MustRegister(m.checks, m.updates, m.latency, m.posts, m.errors, m.http,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// Handler serves the metrics in the Prometheus text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg})
}

// Checked counts one check.
func (m *Metrics) Checked(source string, level scam.Level, category scam.Category) {
	m.checks.WithLabelValues(source, level.String(), string(category)).Inc()
}

// Update counts one platform update handled in took.
func (m *Metrics) Update(platform, kind string, took time.Duration) {
	m.updates.WithLabelValues(platform, kind).Inc()
	m.latency.WithLabelValues(platform).Observe(took.Seconds())
}

// Posted counts what became of a scheduled slot.
func (m *Metrics) Posted(platform, outcome string) {
	m.posts.WithLabelValues(platform, outcome).Inc()
}

// Error counts an error of a kind (an error code, such as "unavailable").
func (m *Metrics) Error(kind string) { m.errors.WithLabelValues(kind).Inc() }
