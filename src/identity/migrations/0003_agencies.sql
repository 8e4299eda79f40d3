-- Two more agency kinds act on dossiers of the public services: the commune's social affairs office (funeral
-- support, Decree 20/2021) and the provincial justice department (criminal-record certificates, Law 28/2009).
alter table identity.role_assignment drop constraint role_assignment_agency_check;
alter table identity.role_assignment add constraint role_assignment_agency_check
  check (agency in ('police', 'civil_status', 'social_insurance', 'social_affairs', 'justice'));
